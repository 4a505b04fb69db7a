"""View data for templates: everything a template prints, computed and escaped beforehand.

Templates only lay out what these modules hand them; inline markup is turned into
safe HTML here, never in a template. One module per kind of document.
"""
