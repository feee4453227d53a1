"""Everything between the YAML and the frozen model: reading each source once (`files`, `source`),
validating it (`validation`), checking across documents (`check_*`) and building the model (`project`).

`oila check` is this package alone. Import from its modules: this file imports nothing, so that reading a
source never pulls in the checks.
"""
