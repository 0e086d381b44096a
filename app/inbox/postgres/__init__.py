"""The group inbox on PostgreSQL: documents, claims and the activity log as tables."""
