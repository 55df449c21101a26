# Reporting API accepting any of several credentials: bearer token, API key header, API key query,
# or HTTP basic (all with auto_error=False, combined in one dependency).
# Auth: "Authorization: Bearer test-token", or header "X-API-Key: test-key", or query "api_key=test-key",
#       or basic "user"/"pass". Anything else: 401.
from typing import Literal

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import (APIKeyHeader, APIKeyQuery, HTTPAuthorizationCredentials, HTTPBasic,
                              HTTPBasicCredentials, HTTPBearer)
from pydantic import BaseModel

app = FastAPI(title="Multi Auth Reports", version="1.0.0")
bearer = HTTPBearer(auto_error=False)
key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
key_query = APIKeyQuery(name="api_key", auto_error=False)
basic = HTTPBasic(auto_error=False)


class Principal(BaseModel):
    method: Literal["bearer", "api_key_header", "api_key_query", "basic"]
    subject: str


def principal(
    b: HTTPAuthorizationCredentials | None = Depends(bearer),
    kh: str | None = Depends(key_header),
    kq: str | None = Depends(key_query),
    bs: HTTPBasicCredentials | None = Depends(basic),
) -> Principal:
    if b is not None and b.credentials == "test-token":
        return Principal(method="bearer", subject="token-user")
    if kh == "test-key":
        return Principal(method="api_key_header", subject="service")
    if kq == "test-key":
        return Principal(method="api_key_query", subject="service")
    if bs is not None and (bs.username, bs.password) == ("user", "pass"):
        return Principal(method="basic", subject=bs.username)
    raise HTTPException(401, "not authenticated")


class Report(BaseModel):
    name: str
    rows: list[dict[str, int]]
    generated_for: Principal


@app.get("/me", response_model=Principal)
def me(p: Principal = Depends(principal)) -> Principal:
    return p


@app.get("/reports/{name}", response_model=Report)
def report(name: Literal["sales", "signups"], p: Principal = Depends(principal)) -> Report:
    rows = {"sales": [{"q": 1, "total": 120}, {"q": 2, "total": 180}],
            "signups": [{"week": 1, "count": 40}, {"week": 2, "count": 38}]}[name]
    return Report(name=name, rows=rows, generated_for=p)


@app.get("/public/status", response_model=dict[str, bool])
def status() -> dict[str, bool]:
    return {"up": True}
