"""Alembic migrations, shipped inside the package so an installed eventwire can create and upgrade stores."""
