"""Coffer's Vault API driven by Debian's python3-hvac (0.11), its KV v2 calls.

Run by tests/vault/hvac.int.test.ts (the full story) and
e2e/vault-clients.spec.ts (the short one) with /usr/bin/python3:

    hvac_story.py full|short

Every step is recorded, never fatal: a step's entry is {"ok": <what hvac
returned>} or {"error": <hvac exception class>, "errors": [...]}, and the
whole record is printed as one JSON object on stdout. The caller asserts on
it, so a failing step names itself and the rest of the story still runs.

Environment: VAULT_ADDR, VAULT_TOKEN (a person's cfp_ token: an owner),
COFFER_NAME (a secret name no one else uses), for the short story
COFFER_VALUE (the value it writes), and for the full story
COFFER_NS_MOUNT (a second namespace, as a mount), COFFER_VIEWER_TOKEN,
COFFER_SERVICE_TOKEN, COFFER_BOUND_SECRET, COFFER_UNBOUND_SECRET (both in
the default namespace, mount `secret`), COFFER_INTEGRATION_TOKEN.
"""

import json
import os
import sys

import hvac
import requests

record = {}


def plain(result):
    """What hvac returned, as JSON: a dict on 200, a requests.Response otherwise (204)."""
    if isinstance(result, requests.Response):
        return {"status": result.status_code, "body": result.text}
    return result


def step(name, call):
    try:
        record[name] = {"ok": plain(call())}
    except hvac.exceptions.VaultError as error:
        record[name] = {"error": type(error).__name__, "errors": error.errors, "message": str(error)}
    except Exception as error:  # a client-side failure (connection, bad JSON): still the story's result
        record[name] = {"error": type(error).__name__, "message": str(error)}


def client(token):
    return hvac.Client(url=os.environ["VAULT_ADDR"], token=token)


def kv(token):
    return client(token).secrets.kv.v2


def short_story(owner, name):
    value = os.environ.get("COFFER_VALUE", "one")
    step("write", lambda: kv(owner).create_or_update_secret(path=name, secret={"password": value}, mount_point="secret"))
    step("read", lambda: kv(owner).read_secret_version(path=name, mount_point="secret"))
    step("list", lambda: kv(owner).list_secrets(path="", mount_point="secret"))
    step("health", lambda: client(None).sys.read_health_status(method="GET"))


def person_writes(owner, name):
    v2 = kv(owner)
    step("write_v1", lambda: v2.create_or_update_secret(path=name, secret={"username": "app", "password": "one"}, mount_point="secret"))
    step("write_v2", lambda: v2.create_or_update_secret(path=name, secret={"username": "app", "password": "two"}, cas=1, mount_point="secret"))
    # cas=1 again: the current version is 2 now, so Vault (and Coffer) refuse it and write nothing.
    step("write_cas_mismatch", lambda: v2.create_or_update_secret(path=name, secret={"password": "three"}, cas=1, mount_point="secret"))
    step("read_latest", lambda: v2.read_secret_version(path=name, mount_point="secret"))
    step("read_v1", lambda: v2.read_secret_version(path=name, version=1, mount_point="secret"))
    step("read_missing_version", lambda: v2.read_secret_version(path=name, version=99, mount_point="secret"))
    # hvac 0.11's update_metadata sends only the neutral delete_version_after "0s";
    # custom_metadata came later (hvac 1.x), so it goes through the client's own adapter.
    step("update_metadata_neutral", lambda: v2.update_metadata(path=name, mount_point="secret"))
    step(
        "set_custom_metadata",
        lambda: client(owner).adapter.post(url="/v1/secret/metadata/" + name, json={"custom_metadata": {"team": "payments"}}),
    )
    step("read_metadata", lambda: v2.read_secret_metadata(path=name, mount_point="secret"))
    step("list", lambda: v2.list_secrets(path="", mount_point="secret"))


def person_deletes(owner, name):
    v2 = kv(owner)
    step("delete_latest", lambda: v2.delete_latest_version_of_secret(path=name, mount_point="secret"))
    step("read_deleted", lambda: v2.read_secret_version(path=name, mount_point="secret"))
    step("list_after_delete", lambda: v2.list_secrets(path="", mount_point="secret"))
    step("undelete", lambda: v2.undelete_secret_versions(path=name, versions=[1, 2], mount_point="secret"))
    step("read_undeleted", lambda: v2.read_secret_version(path=name, mount_point="secret"))
    # hvac's patch is a read, then a write with cas = the version it read.
    step("patch", lambda: v2.patch(path=name, secret={"password": "three"}, mount_point="secret"))
    step("read_patched", lambda: v2.read_secret_version(path=name, mount_point="secret"))


def other_mount(owner, name, mount):
    v2 = kv(owner)
    step("ns_write", lambda: v2.create_or_update_secret(path=name, secret={"region": "eu"}, mount_point=mount))
    step("ns_read", lambda: v2.read_secret_version(path=name, mount_point=mount))
    step("ns_list", lambda: v2.list_secrets(path="", mount_point=mount))


def viewer_story(viewer, name):
    v2 = kv(viewer)
    step("viewer_read", lambda: v2.read_secret_version(path=name, mount_point="secret"))
    step("viewer_list", lambda: v2.list_secrets(path="", mount_point="secret"))
    step("viewer_write", lambda: v2.create_or_update_secret(path=name + "-viewer", secret={"x": "y"}, mount_point="secret"))
    step("viewer_authenticated", lambda: client(viewer).is_authenticated())


def service_story(service, bound, unbound):
    v2 = kv(service)
    step("service_read_bound", lambda: v2.read_secret_version(path=bound, mount_point="secret"))
    step("service_read_unbound", lambda: v2.read_secret_version(path=unbound, mount_point="secret"))
    step("service_lookup_self", lambda: client(service).auth.token.lookup_self())


def refused_tokens(integration):
    step("integration_read", lambda: kv(integration).read_secret_version(path="anything", mount_point="secret"))
    step("integration_authenticated", lambda: client(integration).is_authenticated())
    step("unknown_token_authenticated", lambda: client("cfp_not-a-real-token").is_authenticated())


def full_story(owner, name):
    step("owner_authenticated", lambda: client(owner).is_authenticated())
    step("owner_lookup_self", lambda: client(owner).auth.token.lookup_self())
    step("health", lambda: client(None).sys.read_health_status(method="GET"))
    person_writes(owner, name)
    person_deletes(owner, name)
    other_mount(owner, name, os.environ["COFFER_NS_MOUNT"])
    viewer_story(os.environ["COFFER_VIEWER_TOKEN"], name)
    service_story(os.environ["COFFER_SERVICE_TOKEN"], os.environ["COFFER_BOUND_SECRET"], os.environ["COFFER_UNBOUND_SECRET"])
    refused_tokens(os.environ["COFFER_INTEGRATION_TOKEN"])


def main():
    story = sys.argv[1] if len(sys.argv) > 1 else "full"
    owner, name = os.environ["VAULT_TOKEN"], os.environ["COFFER_NAME"]
    if story == "short":
        short_story(owner, name)
    else:
        full_story(owner, name)
    json.dump(record, sys.stdout)


if __name__ == "__main__":
    main()
