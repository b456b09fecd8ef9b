"""Pure text utilities shared by the stages: reading counts and date expressions. Imports only models."""
