// The preview only (never the HTML edition): when the content or a template is saved, the
// server says so, and the open page fetches itself again and shows the new text in place,
// where the reader is; a change of a stylesheet reloads the page.
(() => {
  const script = document.currentScript;
  let version = Number(script.dataset.version);
  const events = new EventSource(`${script.src.replace(/[^/]*$/, "")}_events?since=${version}`);
  events.onmessage = async (event) => {
    const change = JSON.parse(event.data);
    if (change.version === version) return;
    version = change.version;
    if (change.reload) {
      location.reload();
      return;
    }
    const asked = version;
    const response = await fetch(location.href, { cache: "no-store" });
    const text = await response.text();
    if (asked !== version) return; // a later change is on its way
    const next = new DOMParser().parseFromString(text, "text/html");
    document.title = next.title;
    document.body.replaceWith(next.body);
  };
})();
