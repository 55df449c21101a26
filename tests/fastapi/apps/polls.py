# Polls and voting: IntEnum scales, dict[str, int] tallies, bounded option lists, 201 and 409.
# Auth: voter identified by header "X-Voter" (any non-empty value); no secret.
from enum import IntEnum

from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Polls", version="1.0.0")


class Confidence(IntEnum):
    unsure = 1
    fairly_sure = 2
    certain = 3


class PollIn(BaseModel):
    question: str = Field(min_length=5, max_length=200)
    options: list[str] = Field(min_length=2, max_length=10)
    multiple_choice: bool = False


class Poll(PollIn):
    id: int
    tally: dict[str, int]


class Vote(BaseModel):
    choices: list[str] = Field(min_length=1)
    confidence: Confidence = Confidence.fairly_sure


POLLS = {1: Poll(id=1, question="Tabs or spaces?", options=["tabs", "spaces"], tally={"tabs": 3, "spaces": 5})}
VOTERS: set[tuple[int, str]] = set()


@app.post("/polls", response_model=Poll, status_code=201)
def create_poll(p: PollIn) -> Poll:
    new = Poll(id=max(POLLS) + 1, tally={o: 0 for o in p.options}, **p.model_dump())
    POLLS[new.id] = new
    return new


@app.get("/polls/{poll_id}", response_model=Poll)
def get_poll(poll_id: int) -> Poll:
    if poll_id not in POLLS:
        raise HTTPException(404, "no such poll")
    return POLLS[poll_id]


@app.post("/polls/{poll_id}/votes", response_model=dict[str, int], status_code=201)
def vote(poll_id: int, v: Vote, x_voter: str = Header(min_length=1)) -> dict[str, int]:
    poll = get_poll(poll_id)
    if (poll_id, x_voter) in VOTERS:
        raise HTTPException(409, "already voted")
    if not poll.multiple_choice and len(v.choices) > 1:
        raise HTTPException(400, "single choice poll")
    if any(c not in poll.tally for c in v.choices):
        raise HTTPException(400, "unknown option")
    VOTERS.add((poll_id, x_voter))
    for c in v.choices:
        poll.tally[c] += int(v.confidence)
    return poll.tally


@app.get("/polls/{poll_id}/winner", response_model=str | None)
def winner(poll_id: int) -> str | None:
    tally = get_poll(poll_id).tally
    best = max(tally.values())
    leaders = sorted(k for k, n in tally.items() if n == best)
    return leaders[0] if best > 0 and len(leaders) == 1 else None
