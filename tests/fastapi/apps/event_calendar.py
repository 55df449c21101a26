# Event calendar: date, datetime, time and timedelta fields; date-range queries; all-day events.
# Auth: none.
from datetime import date, datetime, time, timedelta, timezone

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Event Calendar", version="1.0.0")


class Event(BaseModel):
    id: int
    title: str
    day: date
    starts: time | None = Field(default=None, description="Null for all-day events")
    duration: timedelta | None = None
    reminder_at: datetime | None = None


class EventIn(BaseModel):
    title: str = Field(min_length=1)
    day: date
    starts: time | None = None
    duration_minutes: int | None = Field(default=None, gt=0, le=24 * 60)


EVENTS = {
    1: Event(id=1, title="Standup", day=date(2024, 6, 3), starts=time(9, 30),
             duration=timedelta(minutes=15), reminder_at=datetime(2024, 6, 3, 9, 25, tzinfo=timezone.utc)),
    2: Event(id=2, title="Holiday", day=date(2024, 6, 10)),
    3: Event(id=3, title="Review", day=date(2024, 6, 12), starts=time(14, 0), duration=timedelta(hours=1)),
}


@app.get("/events", response_model=list[Event])
def events_between(start: date = Query(), end: date | None = None, all_day: bool | None = None) -> list[Event]:
    out = [e for e in EVENTS.values() if e.day >= start and (end is None or e.day <= end)]
    if all_day is not None:
        out = [e for e in out if (e.starts is None) == all_day]
    return sorted(out, key=lambda e: (e.day, e.starts or time(0)))


@app.post("/events", response_model=Event, status_code=201)
def add_event(e: EventIn) -> Event:
    dur = None if e.duration_minutes is None else timedelta(minutes=e.duration_minutes)
    new = Event(id=max(EVENTS) + 1, title=e.title, day=e.day, starts=e.starts, duration=dur)
    EVENTS[new.id] = new
    return new


@app.get("/days/{day}", response_model=list[Event])
def on_day(day: date) -> list[Event]:
    return [e for e in EVENTS.values() if e.day == day]


@app.get("/events/{event_id}", response_model=Event)
def get_event(event_id: int) -> Event:
    if event_id not in EVENTS:
        raise HTTPException(404, "no such event")
    return EVENTS[event_id]
