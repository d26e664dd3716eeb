from django.contrib.auth.hashers import PBKDF2PasswordHasher


class FollowUpCodeHasher(PBKDF2PasswordHasher):
    """Django's PBKDF2 hasher, with fewer rounds, for follow-up codes only.

    Key stretching protects guessable secrets (people's passwords). A follow-up code is
    100 random bits: no number of rounds changes the cost of guessing it, while the default
    1.2 million rounds would cost 0.8 s of CPU per submission and per follow-up attempt —
    an easy way to exhaust the server. 2,000 rounds cost under a millisecond (20,000 cost
    9 ms of each submission's 125); codes hashed with more rounds still check, as Django
    reads the rounds from each stored hash.
    """

    algorithm = "pbkdf2_sha256_code"
    iterations = 2_000
