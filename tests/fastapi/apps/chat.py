# Chat rooms: header params, Literal fields, nested message lists, pagination.
# Auth: none; the caller identifies itself with the X-User header.
from datetime import datetime, timezone
from typing import Literal

from fastapi import FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Chat", version="0.9.0")


class Reaction(BaseModel):
    emoji: str = Field(min_length=1, max_length=8)
    count: int = Field(ge=1)


class Message(BaseModel):
    id: int
    room: str
    author: str
    body: str = Field(max_length=2000)
    kind: Literal["text", "system", "action"] = "text"
    sent_at: datetime
    reactions: list[Reaction] = []
    reply_to: int | None = None


class NewMessage(BaseModel):
    body: str = Field(min_length=1, max_length=2000)
    kind: Literal["text", "action"] = "text"
    reply_to: int | None = None


class Room(BaseModel):
    name: str
    topic: str | None
    members: list[str]
    messages: list[Message]


T0 = datetime(2024, 5, 4, 12, 0, tzinfo=timezone.utc)
ROOMS: dict[str, Room] = {
    "general": Room(name="general", topic="Anything goes", members=["ada", "bo"], messages=[
        Message(id=1, room="general", author="system", body="Room created", kind="system", sent_at=T0),
        Message(id=2, room="general", author="ada", body="hello!", sent_at=T0,
                reactions=[Reaction(emoji=":wave:", count=2)]),
        Message(id=3, room="general", author="bo", body="hi ada", sent_at=T0, reply_to=2),
    ]),
    "random": Room(name="random", topic=None, members=["bo"], messages=[]),
}


@app.get("/rooms/{room}", response_model=Room)
def get_room(room: str, after: int | None = None, limit: int = Query(20, ge=1, le=100)) -> Room:
    if room not in ROOMS:
        raise HTTPException(404, "no such room")
    r = ROOMS[room]
    msgs = [m for m in r.messages if after is None or m.id > after][:limit]
    return r.model_copy(update={"messages": msgs})


@app.post("/rooms/{room}/messages", response_model=Message, status_code=201)
def post_message(room: str, msg: NewMessage, x_user: str = Header(min_length=1, max_length=32)) -> Message:
    if room not in ROOMS:
        raise HTTPException(404, "no such room")
    r = ROOMS[room]
    next_id = 1 + max((m.id for rr in ROOMS.values() for m in rr.messages), default=0)
    m = Message(id=next_id, room=room, author=x_user, body=msg.body, kind=msg.kind,
                sent_at=T0, reply_to=msg.reply_to)
    r.messages.append(m)
    return m
