# Helpdesk tickets: str Enum status, IntEnum priority, lists of enums in query and body.
# Auth: none.
from enum import Enum, IntEnum

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Helpdesk", version="2.0.0")


class Status(str, Enum):
    new = "new"
    in_progress = "in_progress"
    waiting = "waiting_on_customer"
    resolved = "resolved"


class Priority(IntEnum):
    low = 1
    normal = 2
    high = 3
    urgent = 4


class Channel(str, Enum):
    email = "email"
    phone = "phone"
    chat = "chat"


class TicketIn(BaseModel):
    subject: str = Field(min_length=3, max_length=120)
    priority: Priority = Priority.normal
    channels: list[Channel] = [Channel.email]


class Ticket(TicketIn):
    id: int
    status: Status = Status.new


TICKETS = {
    1: Ticket(id=1, subject="Printer on fire", priority=Priority.urgent, status=Status.in_progress),
    2: Ticket(id=2, subject="Password reset", channels=[Channel.chat, Channel.email], status=Status.resolved),
}


@app.get("/tickets", response_model=list[Ticket])
def list_tickets(status: list[Status] = Query(default=[]), min_priority: Priority = Priority.low) -> list[Ticket]:
    return [t for t in TICKETS.values() if (not status or t.status in status) and t.priority >= min_priority]


@app.post("/tickets", response_model=Ticket, status_code=201)
def open_ticket(t: TicketIn) -> Ticket:
    new = Ticket(id=max(TICKETS) + 1, **t.model_dump())
    TICKETS[new.id] = new
    return new


@app.post("/tickets/{ticket_id}/transition/{status}", response_model=Ticket)
def transition(ticket_id: int, status: Status) -> Ticket:
    if ticket_id not in TICKETS:
        raise HTTPException(404, "no such ticket")
    TICKETS[ticket_id] = TICKETS[ticket_id].model_copy(update={"status": status})
    return TICKETS[ticket_id]


@app.get("/stats/by-status", response_model=dict[Status, int])
def by_status() -> dict[Status, int]:
    return {s: sum(1 for t in TICKETS.values() if t.status == s) for s in Status}
