# Comptes des apprenants : navigation
account-nav = Mon compte
account-nav-login = Se connecter
account-nav-signup = Créer un compte

# Champs
account-full-name = Nom complet
account-email = Adresse e-mail
account-password = Mot de passe
account-password-hint = Au moins 10 caractères. Une courte phrase se retient facilement et se devine difficilement.
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-new-email = Nouvelle adresse e-mail
account-consent = J’accepte que Convive conserve mon nom, mon adresse et ma progression pour gérer mon compte. Je peux supprimer mon compte à tout moment.

# Inscription
account-signup-title = Créer votre compte
account-signup-intro = Un compte garde votre progression dans les modules de formation et vous donne une attestation pour chaque module terminé.
account-signup-submit = Créer mon compte
account-have-account = Vous avez déjà un compte ?
account-login-link = Se connecter
account-signup-sent-title = Consultez votre messagerie
account-signup-sent-text = Si cette adresse peut être utilisée, nous venons de lui envoyer un message. Ouvrez le lien qu’il contient pour confirmer votre adresse et commencer.
account-go-modules = Parcourir les modules de formation

# Vérification
account-verify-title = Confirmez votre adresse e-mail
account-verify-text = Appuyez sur le bouton pour confirmer que cette adresse est bien la vôtre.
account-verify-submit = Confirmer mon adresse
account-verified-title = Votre adresse est confirmée
account-verified-text = Vous êtes connecté. Votre progression dans les modules sera désormais enregistrée.
account-link-invalid-title = Ce lien ne fonctionne plus
account-link-invalid-text = Le lien n’est pas valide ou a expiré. Vous pouvez en demander un nouveau.

# Connexion et déconnexion
account-login-title = Se connecter
account-login-submit = Se connecter
account-forgot-link = Mot de passe oublié ?
account-no-account = Pas encore de compte ?
account-signup-link = En créer un
account-logout = Se déconnecter

# Mot de passe oublié
account-forgot-title = Mot de passe oublié
account-forgot-intro = Indiquez l’adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
account-forgot-submit = M’envoyer un lien
account-forgot-sent-title = Consultez votre messagerie
account-forgot-sent-text = Si un compte utilise cette adresse, un message contenant un lien pour choisir un nouveau mot de passe est en route. Le lien est valable une heure.
account-reset-title = Choisir un nouveau mot de passe
account-reset-submit = Enregistrer mon nouveau mot de passe
account-reset-done-title = Votre mot de passe a été modifié
account-reset-done-text = Vous pouvez maintenant vous connecter avec votre nouveau mot de passe.

# Paramètres
account-settings-title = Mon compte
account-password-title = Changer de mot de passe
account-password-submit = Changer mon mot de passe
account-password-changed = Votre mot de passe a été modifié. Vos autres sessions ont été déconnectées.
account-email-title = Changer d’adresse e-mail
account-email-submit = Changer mon adresse
account-email-sent = Nous avons envoyé un lien à la nouvelle adresse. Votre adresse changera dès que vous l’aurez ouvert.
account-delete-title = Supprimer mon compte
account-delete-text = Cela supprime votre compte, votre progression et vos attestations. C’est définitif.
account-delete-submit = Supprimer définitivement mon compte
account-deleted-title = Votre compte a été supprimé
account-deleted-text = Votre compte, votre progression et vos attestations ont été supprimés.

# Erreurs
account-error-email = Saisissez une adresse e-mail valide, par exemple nom@exemple.org.
account-error-password-short = Le mot de passe doit comporter au moins 10 caractères.
account-error-password-long = Le mot de passe est trop long.
account-error-name = Saisissez votre nom (120 caractères au plus).
account-error-locale = Choisissez une langue : fr, en ou ar.
account-error-consent = Veuillez accepter les conditions pour créer un compte.
account-error-credentials = L’adresse e-mail ou le mot de passe est incorrect.
account-error-not-verified = Confirmez d’abord votre adresse : ouvrez le lien que nous vous avons envoyé par e-mail.
account-error-token = Ce lien n’est pas valide ou a expiré.
account-error-sign-in-required = Connectez-vous pour enregistrer votre progression.
account-error-current-password = Le mot de passe actuel est incorrect.
