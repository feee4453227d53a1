"""Translation workflow: status, stale translations, translator round trips, orthography, derived scripts."""
