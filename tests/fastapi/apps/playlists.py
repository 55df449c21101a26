# Music playlists: multiple body params, Body(embed=True), bare list bodies, reordering, durations.
# Auth: none.
from typing import Annotated

from fastapi import Body, FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Playlists", version="1.0.0")


class Track(BaseModel):
    id: int
    title: str
    artist: str
    seconds: int = Field(gt=0, lt=3600)
    explicit: bool = False


class Playlist(BaseModel):
    id: int
    name: str
    track_ids: list[int]
    total_seconds: int


class Owner(BaseModel):
    username: str
    public: bool = True


TRACKS = {i: Track(id=i, title=t, artist=a, seconds=s) for i, (t, a, s) in enumerate([
    ("Blue Hour", "Nadia K", 214), ("Tin Roof", "The Drafts", 187), ("Northbound", "Nadia K", 301),
    ("Static", "Volt", 156)], start=1)}
PLAYLISTS: dict[int, Playlist] = {}


def _build(pid: int, name: str, ids: list[int]) -> Playlist:
    if any(i not in TRACKS for i in ids):
        raise HTTPException(404, "unknown track")
    return Playlist(id=pid, name=name, track_ids=ids, total_seconds=sum(TRACKS[i].seconds for i in ids))


@app.get("/tracks", response_model=list[Track])
def tracks() -> list[Track]:
    return list(TRACKS.values())


@app.post("/playlists", response_model=Playlist, status_code=201)
def create_playlist(
    name: Annotated[str, Body(min_length=1, max_length=40)],
    owner: Owner,
    track_ids: Annotated[list[int], Body()] = [],
) -> Playlist:
    pl = _build(len(PLAYLISTS) + 1, f"{name} ({owner.username})", track_ids)
    PLAYLISTS[pl.id] = pl
    return pl


@app.put("/playlists/{playlist_id}/order", response_model=Playlist)
def reorder(playlist_id: int, track_ids: list[int]) -> Playlist:
    if playlist_id not in PLAYLISTS:
        raise HTTPException(404, "unknown playlist")
    pl = PLAYLISTS[playlist_id]
    PLAYLISTS[playlist_id] = _build(playlist_id, pl.name, track_ids)
    return PLAYLISTS[playlist_id]


@app.post("/playlists/{playlist_id}/rename", response_model=Playlist)
def rename(playlist_id: int, name: Annotated[str, Body(embed=True, min_length=1)]) -> Playlist:
    if playlist_id not in PLAYLISTS:
        raise HTTPException(404, "unknown playlist")
    PLAYLISTS[playlist_id] = PLAYLISTS[playlist_id].model_copy(update={"name": name})
    return PLAYLISTS[playlist_id]


@app.post("/tracks/lookup", response_model=list[Track])
def lookup(ids: Annotated[list[int], Body(embed=True, max_length=50)]) -> list[Track]:
    return [TRACKS[i] for i in ids if i in TRACKS]
