"""URL handling with win32inet that needs no network: canonicalize, cookies, a session.

Source: public GitHub download helpers (search "win32inet.InternetOpen InternetCrackUrl
InternetCanonicalizeUrl InternetSetCookie"), rewritten with their calls and their order (the
downloads left out; pywin32 has no ``InternetCrackUrl``, which they probe for):
``InternetCanonicalizeUrl`` of URLs
with spaces, dot segments and escapes under ``ICU_`` flags, ``InternetSetCookie`` and
``InternetGetCookie`` of a persistent cookie,
``InternetOpen(agent, INTERNET_OPEN_TYPE_DIRECT, None, None, 0)``, ``InternetSetOption`` /
``InternetQueryOption`` of a timeout, and the handle closed.

Wine differs: pywin32's InternetOpen there fails in its own InternetQueryOption
(12018); on Windows it returns a handle, and the timeout set is read back, as here.
"""

import win32inet
import win32inetcon


def main():
    print("has InternetCrackUrl:", hasattr(win32inet, "InternetCrackUrl"))
    print("canon:", win32inet.InternetCanonicalizeUrl("http://example.com/a b/../c.html", 0))
    print(
        "canon flags:",
        win32inet.InternetCanonicalizeUrl("http://example.com/a b/<x>", win32inetcon.ICU_NO_ENCODE),
    )
    print(
        "canon decode:",
        win32inet.InternetCanonicalizeUrl(
            "http://example.com/a%20b", win32inetcon.ICU_DECODE | win32inetcon.ICU_NO_ENCODE
        ),
    )
    win32inet.InternetSetCookie(
        "http://cookies.example.com/", "session", "abc123; expires = Sat,01-Jan-2099 00:00:00 GMT"
    )
    print("cookie:", win32inet.InternetGetCookie("http://cookies.example.com/", None))
    h = win32inet.InternetOpen(
        "realcode-agent", win32inetcon.INTERNET_OPEN_TYPE_DIRECT, None, None, 0
    )
    print("handle truthy:", bool(h))
    win32inet.InternetSetOption(h, win32inetcon.INTERNET_OPTION_CONNECT_TIMEOUT, 5000)
    print(
        "timeout:", win32inet.InternetQueryOption(h, win32inetcon.INTERNET_OPTION_CONNECT_TIMEOUT)
    )
    h.Close()
    print("closed")


main()
