# Audit log: generic Page[T] response models, limit/offset pagination, X-Request-ID header.
# Auth: none.
from datetime import datetime, timedelta, timezone
from typing import Generic, Literal, TypeVar

from fastapi import FastAPI, Header, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Audit Log", version="1.0.0")
T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int
    next_offset: int | None


class AuditEvent(BaseModel):
    seq: int
    at: datetime
    actor: str
    action: Literal["create", "update", "delete", "login"]
    target: str | None = None


class Actor(BaseModel):
    name: str
    events: int


BASE = datetime(2024, 1, 1, tzinfo=timezone.utc)
ACTORS = ["ada", "bo", "cy"]
ACTIONS = ["create", "update", "delete", "login"]
EVENTS = [AuditEvent(seq=i, at=BASE + timedelta(minutes=7 * i), actor=ACTORS[i % 3], action=ACTIONS[i % 4],
                     target=None if i % 4 == 3 else f"doc-{i // 2}") for i in range(1, 58)]


def paginate(rows: list, offset: int, limit: int) -> dict:
    nxt = offset + limit if offset + limit < len(rows) else None
    return {"items": rows[offset:offset + limit], "total": len(rows), "offset": offset, "limit": limit,
            "next_offset": nxt}


@app.get("/events", response_model=Page[AuditEvent])
def events(
    offset: int = Query(0, ge=0),
    limit: int = Query(20, ge=1, le=100),
    actor: str | None = None,
    action: list[Literal["create", "update", "delete", "login"]] = Query(default=[]),
    x_request_id: str | None = Header(default=None, max_length=64),
) -> Page[AuditEvent]:
    rows = [e for e in EVENTS if (actor is None or e.actor == actor) and (not action or e.action in action)]
    return Page[AuditEvent](**paginate(rows, offset, limit))


@app.get("/actors", response_model=Page[Actor])
def actors(offset: int = Query(0, ge=0), limit: int = Query(10, ge=1, le=100)) -> Page[Actor]:
    rows = [Actor(name=a, events=sum(1 for e in EVENTS if e.actor == a)) for a in ACTORS]
    return Page[Actor](**paginate(rows, offset, limit))


@app.get("/events/latest", response_model=AuditEvent | None)
def latest(actor: str | None = None) -> AuditEvent | None:
    rows = [e for e in EVENTS if actor is None or e.actor == actor]
    return rows[-1] if rows else None
