"""Throttles and lockouts: counted before judged in one statement, windows that keep their
length, the client behind the site's proxies, expired counters culled.
(Parallel attempts against a real multi-process server: test_limits_parallel.py.)"""

import time

import pytest
import time_machine
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.test import RequestFactory

from limits import throttle
from limits.models import Counter
from maintenance.tasks import run_job
from staff import ratelimits
from tests.reporting import report_data

pytestmark = pytest.mark.django_db

WRONG = "AAAA-BBBB-CCCC-DDDD-EEEE"


def request(remote="198.51.100.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_take_counts_first_then_decides():
    answers = [bool(throttle.take("t", request(), 3, 60)) for _ in range(5)]
    assert answers == [True, True, True, False, False]
    assert Counter.objects.get().count == 5


def test_a_later_attempt_never_moves_the_window():
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        first = throttle.take("t", request(), 2, 900)
        traveller.shift(600)
        later = throttle.take("t", request(), 2, 900)
        # At least 15 minutes, ended on a quarter hour (1,800,000,000 is 08:00 UTC).
        assert later.expires_at == first.expires_at == 1_800_000_900
        traveller.shift(200)  # 13 minutes after the first attempt, 3 after the last
        assert not throttle.take("t", request(), 2, 900)
        traveller.shift(2000)  # the window is over: a new one opens
        again = throttle.take("t", request(), 2, 900)
        assert again
        assert again.count == 1
        assert again.expires_at == 1_800_004_500  # at least 15 minutes after, on the quarter


def test_a_given_back_attempt_frees_its_place_in_its_own_window_only():
    attempt = throttle.take("t", request(), 1, 60)
    attempt.give_back()
    assert throttle.take("t", request(), 1, 60)
    refused = throttle.take("t", request(), 1, 60)
    refused.give_back()  # a refused attempt has no place to give back
    assert Counter.objects.get().count == 2


def test_each_limit_and_each_client_has_its_own_counter():
    assert throttle.take("a", request("198.51.100.1"), 1, 60)
    assert throttle.take("b", request("198.51.100.1"), 1, 60)
    assert throttle.take("a", request("198.51.100.2"), 1, 60)
    assert not throttle.take("a", request("198.51.100.1"), 1, 60)


def test_no_address_is_stored_only_a_keyed_hash():
    throttle.take("t", request("203.0.113.9"), 1, 60)
    key = Counter.objects.get().key
    assert "203.0.113" not in key
    assert key == throttle.counter_key("t", request("203.0.113.9"))


def test_expired_counters_are_culled_by_the_daily_maintenance():
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        throttle.take("short", request(), 1, 60)
        throttle.take("long", request(), 1, 3600)
        traveller.shift(61)
        assert run_job.call("cull_limits") == 1
        assert [c.key.split(":")[0] for c in Counter.objects.all()] == ["long"]


# The client's address, with and without the site's proxies.


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    spoofed = request("198.51.100.7", forwarded="192.0.2.1")
    assert throttle.client_address(spoofed) == "198.51.100.7"
    assert throttle.client_key(spoofed) == throttle.client_key(request("198.51.100.7"))


def test_behind_one_proxy_the_client_is_the_hop_it_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert throttle.client_address(request("10.0.0.2", "192.0.2.1")) == "192.0.2.1"
    # What the client wrote itself is to the left, and changes nothing.
    assert throttle.client_address(request("10.0.0.2", "6.6.6.6, 192.0.2.1")) == "192.0.2.1"
    # Not through the proxy at all: the address that connected.
    assert throttle.client_address(request("192.0.2.9")) == "192.0.2.9"


def test_behind_two_proxies_the_client_is_the_hop_the_farthest_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    hops = "6.6.6.6, 192.0.2.1, 10.0.0.1"
    assert throttle.client_address(request("10.0.0.2", hops)) == "192.0.2.1"


def test_an_ipv6_client_is_its_whole_network():
    a = request("2001:db8:1:2:aaaa::1")
    b = request("2001:db8:1:2:bbbb::2")
    c = request("2001:db8:1:3::1")
    assert throttle.client_key(a) == throttle.client_key(b) != throttle.client_key(c)


def test_the_sign_in_library_reads_the_same_proxy_count(settings):
    from allauth import app_settings

    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == settings.TRUSTED_PROXY_COUNT
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 3
    assert app_settings.TRUSTED_PROXY_COUNT == 3


FOLLOW_UP = "/fr/suivi/"


def test_behind_the_load_balancer_wrong_codes_lock_only_their_sender(client, settings):
    """Five wrong codes from one visitor used to lock follow-up for every visitor."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FOLLOW_UP_FAILURE_LIMIT = 2
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(2):
        client.post(
            FOLLOW_UP,
            {"action": "login", "code": WRONG},
            HTTP_X_FORWARDED_FOR="192.0.2.1",
            **balancer,
        )
    guesser = client.post(
        FOLLOW_UP, {"action": "login", "code": WRONG}, HTTP_X_FORWARDED_FOR="192.0.2.1", **balancer
    )
    assert guesser.status_code == 429
    other = client.post(
        FOLLOW_UP, {"action": "login", "code": WRONG}, HTTP_X_FORWARDED_FOR="192.0.2.2", **balancer
    )
    assert other.status_code == 200


def test_without_a_trusted_proxy_a_spoofed_header_does_not_escape_the_lock(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.FOLLOW_UP_FAILURE_LIMIT = 2
    for i in range(2):
        client.post(
            FOLLOW_UP, {"action": "login", "code": WRONG}, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}"
        )
    response = client.post(
        FOLLOW_UP, {"action": "login", "code": WRONG}, HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert response.status_code == 429


def test_behind_the_load_balancer_reports_are_counted_per_sender(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REPORT_SUBMIT_LIMIT = 1
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    first = client.post(
        "/fr/signaler/", report_data(), HTTP_X_FORWARDED_FOR="192.0.2.1", **balancer
    )
    assert first.status_code == 302
    other = client.post(
        "/fr/signaler/", report_data(), HTTP_X_FORWARDED_FOR="192.0.2.2", **balancer
    )
    assert other.status_code == 302
    again = client.post(
        "/fr/signaler/", report_data(), HTTP_X_FORWARDED_FOR="192.0.2.1", **balancer
    )
    assert again.status_code == 429


# The sign-in library's limits on the same counters.


def test_the_sign_in_library_counts_with_the_atomic_counters():
    assert allauth_ratelimit._consume_single_rate is ratelimits.consume_single_rate
    assert allauth_ratelimit.clear is ratelimits.clear
    req = request()
    config = {"login_failed": "2/15m/key"}
    outcomes = [
        allauth_ratelimit.consume(
            req, app="allauth.account", action="login_failed", key="officer", config=config
        )
        for _ in range(3)
    ]
    assert [bool(o) for o in outcomes] == [True, True, False]
    counter = Counter.objects.get()
    assert counter.count == 3
    assert time.time() + 900 <= counter.expires_at <= time.time() + 1800
    assert counter.expires_at % 900 == 0
    assert counter.key.startswith("login_failed/key:")
    assert "officer" not in counter.key
    outcomes[0].rollback()
    assert Counter.objects.get().count == 2
    allauth_ratelimit.clear(
        req, app="allauth.account", action="login_failed", key="officer", config=config
    )
    assert not Counter.objects.exists()


def test_the_sign_in_librarys_own_429_is_the_sites_translated_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    client.post("/fr/staff/login/", {"login": "x", "password": "y"})
    response = client.post("/fr/staff/login/", {"login": "x", "password": "y"})
    assert response.status_code == 429
    assert "Trop de tentatives ont été faites depuis votre connexion" in response.content.decode()


# A success clears the account's counter only, never the client's.


def test_a_right_code_clears_the_accounts_counter_but_not_the_clients():
    """Allauth's clear() after a right code emptied the per-client counter too: one client
    tried 48 wrong passwords on other accounts in 3 minutes against a limit of 20."""
    req = request()
    config = {"login_failed": "3/15m/ip,2/15m/key"}

    def fail(name):
        return allauth_ratelimit.consume(
            req, app="allauth.account", action="login_failed", key=name, config=config
        )

    assert fail("alice")
    assert fail("bob")
    allauth_ratelimit.clear(
        req, app="allauth.account", action="login_failed", key="alice", config=config
    )
    assert fail("carol")  # the client's third
    assert not fail("dave")  # the client's fourth: over, whatever succeeded in between
    per_ip, per_key = allauth_ratelimit.get_rates(
        app="allauth.account", action="login_failed", config=config
    )
    counters = dict(Counter.objects.values_list("key", "count"))

    def count(rate, name):
        key = ratelimits._counter(
            req, app="allauth.account", action="login_failed", rate=rate, key=name
        )
        return counters.get(key, 0)

    assert count(per_ip, "alice") == 4  # the client's counter kept every attempt
    assert count(per_key, "alice") == 0  # alice's own was emptied by her success
    assert count(per_key, "bob") == 1
