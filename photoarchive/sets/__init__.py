"""Sets of photos on their way to Flickr: the model, the approval workflow (pure decisions), the service
the CLI and GUI call, the audit log export and the clean copies that are published."""
