"""vCard 4.0 (RFC 6350) of a directory entry, with only the contact details the reader may see."""

from typing import Any

from .visibility import Contact


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\x00", "")
    )


def _fold(line: str) -> str:
    # RFC 6350 §3.2: lines longer than 75 octets are folded (a CRLF and one space).
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > 74:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def render_vcard(entry: Any, contact: Contact, url: str) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{_escape(entry.full_name)}",
        f"N:{_escape(entry.last_name)};{_escape(entry.first_name)};;;",
        f"ORG:{_escape(entry.organisation)}",
        f"TITLE:{_escape(entry.job_title or entry.get_role_display())}",
        f"ROLE:{_escape(entry.get_role_display())}",
        f"URL:{_escape(url)}",
    ]
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{_escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=work,voice;VALUE=text:{_escape(contact.phone)}")
    if contact.address:
        lines.append(f"ADR;TYPE=work:;;{_escape(contact.address)};;;;")
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
