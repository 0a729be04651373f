DROP INDEX invitations_email;
