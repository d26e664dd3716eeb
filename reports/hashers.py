from django.contrib.auth.hashers import PBKDF2PasswordHasher


class FollowUpCodeHasher(PBKDF2PasswordHasher):
    """Django's PBKDF2 hasher, with fewer rounds, for follow-up codes only.

    Key stretching protects guessable secrets (people's passwords). A follow-up code is
    100 random bits: no number of rounds changes the cost of guessing it, while the default
    1.2 million rounds would cost 0.8 s of CPU per submission and per follow-up attempt —
    an easy way to exhaust the server. 20,000 rounds keep it at a few milliseconds.
    """

    algorithm = "pbkdf2_sha256_code"
    iterations = 20_000
