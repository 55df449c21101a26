# URL shortener: pattern-constrained slugs, HttpUrl fields, click counters, 404/409 responses.
# Auth: none.
from fastapi import FastAPI, HTTPException, Path
from pydantic import AnyHttpUrl, BaseModel, Field

app = FastAPI(title="Link Shortener", version="1.0.0")


class LinkIn(BaseModel):
    target: AnyHttpUrl
    slug: str | None = Field(default=None, pattern=r"^[a-zA-Z0-9_-]{3,20}$")


class Link(BaseModel):
    slug: str
    target: AnyHttpUrl
    clicks: int = 0


class Error(BaseModel):
    detail: str


LINKS = {"docs": Link(slug="docs", target="https://example.com/documentation", clicks=12)}
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _auto_slug(n: int) -> str:
    out = ""
    n += 1000
    while n:
        n, r = divmod(n, len(ALPHABET))
        out += ALPHABET[r]
    return out


@app.post("/links", response_model=Link, status_code=201, responses={409: {"model": Error}})
def shorten(body: LinkIn) -> Link:
    slug = body.slug or _auto_slug(len(LINKS))
    if slug in LINKS:
        raise HTTPException(409, "slug taken")
    LINKS[slug] = Link(slug=slug, target=body.target)
    return LINKS[slug]


@app.get("/links/{slug}", response_model=Link, responses={404: {"model": Error}})
def resolve(slug: str = Path(pattern=r"^[a-zA-Z0-9_-]{3,20}$")) -> Link:
    if slug not in LINKS:
        raise HTTPException(404, "unknown slug")
    LINKS[slug] = LINKS[slug].model_copy(update={"clicks": LINKS[slug].clicks + 1})
    return LINKS[slug]


@app.get("/top", response_model=list[Link])
def top_links(n: int = 5) -> list[Link]:
    return sorted(LINKS.values(), key=lambda l: (-l.clicks, l.slug))[:max(n, 0)]
