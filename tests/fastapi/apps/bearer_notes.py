# Private notes behind HTTP bearer auth (HTTPBearer).
# Auth: "Authorization: Bearer test-token" on every endpoint except /health (401 otherwise).
from datetime import datetime, timezone

from fastapi import Depends, FastAPI, HTTPException, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

app = FastAPI(title="Bearer Notes", version="0.3.0")
bearer = HTTPBearer(description="Static token: test-token")


def authed(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> None:
    if creds.credentials != "test-token":
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": "Bearer"})


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=80)
    body: str = ""
    pinned: bool = False


class Note(NoteIn):
    id: int
    updated: datetime


class Health(BaseModel):
    ok: bool


STAMP = datetime(2024, 2, 29, 9, 30, tzinfo=timezone.utc)
NOTES = {1: Note(id=1, title="Groceries", body="eggs, rice", updated=STAMP)}


@app.get("/health", response_model=Health)
def health() -> Health:
    return Health(ok=True)


@app.get("/notes", response_model=list[Note], dependencies=[Depends(authed)])
def list_notes(pinned_only: bool = False) -> list[Note]:
    return [n for n in NOTES.values() if n.pinned or not pinned_only]


@app.post("/notes", response_model=Note, status_code=201, dependencies=[Depends(authed)])
def create_note(note: NoteIn) -> Note:
    new = Note(id=max(NOTES, default=0) + 1, updated=STAMP, **note.model_dump())
    NOTES[new.id] = new
    return new


@app.put("/notes/{note_id}", response_model=Note, dependencies=[Depends(authed)])
def replace_note(note_id: int, note: NoteIn) -> Note:
    if note_id not in NOTES:
        raise HTTPException(404, "no such note")
    NOTES[note_id] = Note(id=note_id, updated=STAMP, **note.model_dump())
    return NOTES[note_id]


@app.delete("/notes/{note_id}", status_code=204, dependencies=[Depends(authed)])
def delete_note(note_id: int) -> Response:
    if NOTES.pop(note_id, None) is None:
        raise HTTPException(404, "no such note")
    return Response(status_code=204)
