# Key/value configuration store: arbitrary JSON values (Any), path converter for slash-y keys,
# JSON object bodies (dict[str, Any]), plain-text response.
# Auth: API key header "X-Config-Key: test-key" for writes (401 otherwise); reads are public.
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, HTTPException, Response
from fastapi.responses import PlainTextResponse
from fastapi.security import APIKeyHeader
from pydantic import BaseModel

app = FastAPI(title="Config Store", version="1.0.0")
write_key = APIKeyHeader(name="X-Config-Key")


def can_write(k: str = Depends(write_key)) -> None:
    if k != "test-key":
        raise HTTPException(401, "bad key")


class Entry(BaseModel):
    key: str
    value: Any
    version: int


STORE: dict[str, Entry] = {
    "app/name": Entry(key="app/name", value="demo", version=1),
    "app/limits": Entry(key="app/limits", value={"rps": 10, "burst": [1, 2, 3]}, version=3),
    "flags/beta": Entry(key="flags/beta", value=None, version=1),
}


@app.get("/keys", response_model=list[str])
def keys(prefix: str = "") -> list[str]:
    return sorted(k for k in STORE if k.startswith(prefix))


@app.get("/entries/{key:path}", response_model=Entry)
def get_entry(key: str) -> Entry:
    if key not in STORE:
        raise HTTPException(404, "missing key")
    return STORE[key]


@app.put("/entries/{key:path}", response_model=Entry, dependencies=[Depends(can_write)])
def put_entry(key: str, value: Annotated[Any, Body()] = None) -> Entry:
    prev = STORE.get(key)
    STORE[key] = Entry(key=key, value=value, version=(prev.version + 1) if prev else 1)
    return STORE[key]


@app.post("/bulk", response_model=dict[str, int], dependencies=[Depends(can_write)])
def bulk(values: dict[str, Any]) -> dict[str, int]:
    out = {}
    for k, v in sorted(values.items()):
        out[k] = put_entry(k, v).version
    return out


@app.get("/export.env", response_class=PlainTextResponse)
def export_env() -> str:
    return "".join(f"{k.upper().replace('/', '_')}={STORE[k].value!r}\n" for k in sorted(STORE))


@app.delete("/entries/{key:path}", status_code=204, dependencies=[Depends(can_write)])
def delete_entry(key: str) -> Response:
    STORE.pop(key, None)
    return Response(status_code=204)
