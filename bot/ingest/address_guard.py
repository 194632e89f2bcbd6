"""Which network addresses a fetch on behalf of a Slack user may reach.

A URL pasted in Slack must not make the bot read its own host, the office
network or a cloud metadata service (server-side request forgery). The check
runs on the addresses the host name *resolves to*, and the fetch then connects
to the checked address itself, so a DNS answer that changes between check and
connect cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket

from bot.core.errors import IngestError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud metadata endpoints outside the link-local range (AWS IPv6, Alibaba).
_METADATA = (ipaddress.ip_network("fd00:ec2::254/128"), ipaddress.ip_network("100.100.100.200/32"))


class AddressRefused(IngestError):
    """The URL's host is an internal address, which a URL from Slack may not reach."""


def parse_networks(text: str) -> list[Network]:
    """Networks from a comma-separated setting ("127.0.0.1/32, 10.1.0.0/16")."""
    return [ipaddress.ip_network(part.strip(), strict=False) for part in text.split(",") if part.strip()]


def internal_kind(address: Address) -> str | None:
    """What makes `address` internal ("loopback", "private", ...), or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return internal_kind(address.ipv4_mapped)
    if any(address in network for network in _METADATA) or str(address) == "169.254.169.254":
        return "cloud metadata"
    for kind, flag in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("private", address.is_private),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved or address.is_unspecified),
    ):
        if flag:
            return kind
    if not address.is_global:
        return "private"  # shared address space (100.64/10) and the like
    return None


def resolve(host: str, port: int) -> list[Address]:
    """Every address `host` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise IngestError(f"cannot resolve host {host} ({exc.strerror})") from None
    seen: dict[str, Address] = {}
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]
        seen.setdefault(text, ipaddress.ip_address(text))
    return list(seen.values())


def checked_address(host: str, port: int, allowed: list[Network]) -> Address:
    """The address to connect to: refuse when ANY address of `host` is internal and not allowed."""
    addresses = resolve(host, port)
    for address in addresses:
        kind = internal_kind(address)
        if kind and not any(address in network for network in allowed):
            raise AddressRefused(
                f"refused: {host} resolves to {address}, a {kind} address; links from Slack may "
                "only reach public web sites (FACTCHECK_FETCH_ALLOWED_NETWORKS allows others)"
            )
    return addresses[0]
