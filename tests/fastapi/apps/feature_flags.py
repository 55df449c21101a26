# Feature flags: variant values (bool | str | int), rollout percentages, environments as path Enum.
# Auth: bearer token "test-token" via HTTPBearer for writes; reads are public.
from enum import Enum

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

app = FastAPI(title="Feature Flags", version="1.0.0")
bearer = HTTPBearer()


class Env(str, Enum):
    dev = "dev"
    staging = "staging"
    prod = "prod"


class Flag(BaseModel):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    enabled: bool
    rollout_pct: int = Field(default=100, ge=0, le=100)
    value: bool | int | str = True
    owners: list[str] = []


def writer(c: HTTPAuthorizationCredentials = Depends(bearer)) -> None:
    if c.credentials != "test-token":
        raise HTTPException(401, "invalid token")


FLAGS: dict[Env, dict[str, Flag]] = {
    Env.dev: {"new_ui": Flag(key="new_ui", enabled=True), "max_items": Flag(key="max_items", enabled=True, value=50)},
    Env.staging: {"new_ui": Flag(key="new_ui", enabled=True, rollout_pct=50)},
    Env.prod: {"new_ui": Flag(key="new_ui", enabled=False, value="off", owners=["web"])},
}


@app.get("/envs/{env}/flags", response_model=dict[str, Flag])
def list_flags(env: Env) -> dict[str, Flag]:
    return FLAGS[env]


@app.get("/envs/{env}/flags/{key}", response_model=Flag)
def get_flag(env: Env, key: str) -> Flag:
    if key not in FLAGS[env]:
        raise HTTPException(404, "unknown flag")
    return FLAGS[env][key]


@app.put("/envs/{env}/flags/{key}", response_model=Flag, dependencies=[Depends(writer)])
def put_flag(env: Env, key: str, flag: Flag) -> Flag:
    if flag.key != key:
        raise HTTPException(400, "key mismatch")
    FLAGS[env][key] = flag
    return flag


@app.get("/evaluate/{env}/{key}", response_model=bool | int | str | None)
def evaluate(env: Env, key: str, user_bucket: int = 0) -> bool | int | str | None:
    f = FLAGS[env].get(key)
    if f is None or not f.enabled or user_bucket % 100 >= f.rollout_pct:
        return None
    return f.value
