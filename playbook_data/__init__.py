"""Data files of loinc_harmonize: the core playbook, lexicons and settings (no code)."""
