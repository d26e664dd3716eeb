from django.db import models


class Counter(models.Model):
    """Attempts in one fixed window: counted and read back in one SQL statement
    (limits.throttle.take). The key names the limit and a keyed hash of who is counted,
    never an address or an account name in clear."""

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField()
    # When the window ends, in seconds since the epoch: set by the window's first attempt,
    # never moved by a later one.
    expires_at = models.FloatField(db_index=True)

    class Meta:
        db_table = "limits_counter"

    def __str__(self) -> str:
        return self.key
