# Admin console behind HTTP basic auth (HTTPBasic).
# Auth: basic credentials user "user", password "pass" (401 otherwise).
import secrets
from typing import Literal

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic import BaseModel

app = FastAPI(title="Admin Console", version="5.0.0")
basic = HTTPBasic(realm="admin")


def admin(creds: HTTPBasicCredentials = Depends(basic)) -> str:
    ok = secrets.compare_digest(creds.username, "user") and secrets.compare_digest(creds.password, "pass")
    if not ok:
        raise HTTPException(401, "bad credentials", headers={"WWW-Authenticate": 'Basic realm="admin"'})
    return creds.username


class Whoami(BaseModel):
    username: str
    role: Literal["admin"] = "admin"


class MaintenanceMode(BaseModel):
    enabled: bool
    message: str | None = None


STATE = {"maintenance": MaintenanceMode(enabled=False)}


@app.get("/whoami", response_model=Whoami)
def whoami(user: str = Depends(admin)) -> Whoami:
    return Whoami(username=user)


@app.get("/maintenance", response_model=MaintenanceMode)
def get_maintenance(user: str = Depends(admin)) -> MaintenanceMode:
    return STATE["maintenance"]


@app.put("/maintenance", response_model=MaintenanceMode)
def set_maintenance(mode: MaintenanceMode, user: str = Depends(admin)) -> MaintenanceMode:
    STATE["maintenance"] = mode
    return mode
