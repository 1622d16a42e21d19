"""An e-mail relay that is down, for the tests of what happens when a message cannot be sent."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

FAILING_EMAIL_BACKEND = "tests.mail.FailingEmailBackend"


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("relay down")
