"""A mailbox on disk for sites the browser tests run in processes of their own: the site's e-mail backend
(TEST_EMAIL_BACKEND=MAILBOX_BACKEND) writes each message it sends to a file of the directory TEST_MAILBOX, and
the test reads them back as the recipient would."""

import os
import uuid
from email import message_from_bytes, policy
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

MAILBOX_BACKEND = "tests.browser.mailbox.MailboxBackend"


class MailboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        directory = Path(os.environ["TEST_MAILBOX"])
        for message in email_messages:
            (directory / f"{uuid.uuid4().hex}.eml").write_bytes(message.message().as_bytes())
        return len(email_messages)


def received(directory, to):
    """The messages of the mailbox `directory` sent to the address `to`, oldest first: [(subject, body)]."""
    messages = []
    for path in sorted(Path(directory).glob("*.eml"), key=lambda path: path.stat().st_mtime_ns):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        if to in message["To"]:
            messages.append((str(message["Subject"]), message.get_body(("plain",)).get_content()))
    return messages
