"""Oila: builds the reintegration SOP and its case-management forms from YAML sources."""
