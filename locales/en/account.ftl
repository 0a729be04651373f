# Learner accounts: navigation
account-nav = My account
account-nav-login = Log in
account-nav-signup = Sign up

# Fields
account-full-name = Full name
account-email = Email address
account-password = Password
account-password-hint = At least 10 characters. A short sentence is easy to remember and hard to guess.
account-current-password = Current password
account-new-password = New password
account-new-email = New email address
account-consent = I agree that Convive keeps my name, address and learning progress to run my account. I can delete my account at any time.

# Sign up
account-signup-title = Create your account
account-signup-intro = An account keeps your progress through the training modules and gives you a certificate for each module you complete.
account-signup-submit = Create my account
account-have-account = Already have an account?
account-login-link = Log in
account-signup-sent-title = Check your mailbox
account-signup-sent-text = If this address can be used, we have sent a message to it. Open the link in that message to confirm your address and start learning.
account-go-modules = Browse the training modules

# Verify
account-verify-title = Confirm your email address
account-verify-text = Press the button to confirm that this address is yours.
account-verify-submit = Confirm my address
account-verified-title = Your address is confirmed
account-verified-text = You are signed in. Your progress through the modules will now be saved.
account-link-invalid-title = This link no longer works
account-link-invalid-text = The link is invalid or has expired. You can ask for a new one.

# Log in and out
account-login-title = Log in
account-login-submit = Log in
account-forgot-link = Forgotten your password?
account-no-account = No account yet?
account-signup-link = Create one
account-logout = Log out

# Forgotten password
account-forgot-title = Forgotten password
account-forgot-intro = Enter the address of your account and we will send you a link to choose a new password.
account-forgot-submit = Send me a link
account-forgot-sent-title = Check your mailbox
account-forgot-sent-text = If an account uses this address, a message with a link to choose a new password is on its way. The link works for one hour.
account-reset-title = Choose a new password
account-reset-submit = Save my new password
account-reset-done-title = Your password has been changed
account-reset-done-text = You can now log in with your new password.

# Settings
account-settings-title = My account
account-password-title = Change my password
account-password-submit = Change my password
account-password-changed = Your password has been changed. Your other sessions have been signed out.
account-email-title = Change my email address
account-email-submit = Change my address
account-email-sent = We have sent a link to the new address. Your address will change once you open it.
account-delete-title = Delete my account
account-delete-text = This deletes your account, your progress and your certificates. It cannot be undone.
account-delete-submit = Delete my account for good
account-deleted-title = Your account has been deleted
account-deleted-text = Your account, your progress and your certificates have been deleted.

# Errors
account-error-email = Enter a valid email address, such as name@example.org.
account-error-password-short = The password must have at least 10 characters.
account-error-password-long = The password is too long.
account-error-name = Enter your name (up to 120 characters).
account-error-locale = Choose a language: fr, en or ar.
account-error-consent = Please accept the conditions to create an account.
account-error-credentials = The email address or password is not right.
account-error-not-verified = Please confirm your address first: open the link we sent you by email.
account-error-token = This link is invalid or has expired.
account-error-sign-in-required = Please log in to save your progress.
account-error-current-password = The current password is not right.
