"""StreamField blocks, one module per family, composed in `registry`."""
