"""`oila collect`: filled fillable forms back into tables, one row per file, with a report of problems."""
