"""Shared lead inboxes: the contract (`base`) and its backends."""
