# Request inspection service: Header() params of several types, including lists and aliases.
# Auth: none.
from fastapi import FastAPI, Header
from pydantic import BaseModel

app = FastAPI(title="Request Headers", version="1.0.0")


class HeaderReport(BaseModel):
    user_agent: str | None
    request_id: str
    retry_count: int
    dry_run: bool
    accept_languages: list[str]
    weights: list[float] | None = None


class Negotiation(BaseModel):
    chosen: str
    offered: list[str]


@app.get("/inspect", response_model=HeaderReport)
def inspect(
    x_request_id: str = Header(min_length=8, max_length=64),
    user_agent: str | None = Header(None),
    x_retry_count: int = Header(0, ge=0, le=10),
    x_dry_run: bool = Header(False),
    x_accept_language: list[str] = Header([]),
    x_weight: list[float] | None = Header(None),
) -> HeaderReport:
    return HeaderReport(user_agent=user_agent, request_id=x_request_id, retry_count=x_retry_count,
                        dry_run=x_dry_run, accept_languages=x_accept_language, weights=x_weight)


@app.get("/negotiate", response_model=Negotiation)
def negotiate(x_offer: list[str] = Header(), x_prefer: str | None = Header(None)) -> Negotiation:
    chosen = x_prefer if x_prefer in x_offer else sorted(x_offer)[0]
    return Negotiation(chosen=chosen, offered=x_offer)


@app.get("/tenant", response_model=dict[str, str])
def tenant(tenant: str = Header(alias="X-Tenant-ID", pattern=r"^[a-z0-9-]+$")) -> dict[str, str]:
    return {"tenant": tenant, "shard": f"shard-{len(tenant) % 4}"}
