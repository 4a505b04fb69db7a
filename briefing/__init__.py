"""briefing: Kamerbrieven kept as validated YAML content, rendered as Rijkshuisstijl PDFs."""

__version__ = "0.1.0"
