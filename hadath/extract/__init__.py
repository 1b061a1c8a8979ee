"""Extraction: dictionary mentions, actor phrases (composed agent + country codes) and places."""
