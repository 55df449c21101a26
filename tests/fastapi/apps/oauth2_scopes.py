# Photo album with OAuth2 password flow plus scopes (Security(..., scopes=[...])).
# Auth: POST /token with username "user", password "pass" -> token "test-token" (all scopes).
#       Token "test-token-read" is also accepted and only has the "photos:read" scope.
#       Missing/invalid token -> 401; valid token without the needed scope -> 403.
from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm, SecurityScopes
from pydantic import BaseModel, Field

app = FastAPI(title="Photo Album", version="1.0.0")
oauth2 = OAuth2PasswordBearer(tokenUrl="token", scopes={"photos:read": "View photos", "photos:write": "Upload and edit"})
TOKENS = {"test-token": {"photos:read", "photos:write"}, "test-token-read": {"photos:read"}}


def granted(security_scopes: SecurityScopes, token: str = Depends(oauth2)) -> str:
    if token not in TOKENS:
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": "Bearer"})
    missing = [s for s in security_scopes.scopes if s not in TOKENS[token]]
    if missing:
        raise HTTPException(403, f"missing scope {missing[0]}")
    return token


class TokenOut(BaseModel):
    access_token: str
    token_type: str
    scope: str


class Photo(BaseModel):
    id: int
    caption: str = Field(max_length=140)
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    tags: list[str] = []


class PhotoIn(BaseModel):
    caption: str = Field(max_length=140)
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    tags: list[str] = []


PHOTOS = {1: Photo(id=1, caption="Fjord at dawn", width=4000, height=3000, tags=["landscape"])}


@app.post("/token", response_model=TokenOut)
def token(form: OAuth2PasswordRequestForm = Depends()) -> TokenOut:
    if (form.username, form.password) != ("user", "pass"):
        raise HTTPException(401, "bad credentials")
    wanted = set(form.scopes) or TOKENS["test-token"]
    tok = "test-token-read" if wanted == {"photos:read"} else "test-token"
    return TokenOut(access_token=tok, token_type="bearer", scope=" ".join(sorted(TOKENS[tok])))


@app.get("/photos", response_model=list[Photo])
def photos(tag: str | None = None, _: str = Security(granted, scopes=["photos:read"])) -> list[Photo]:
    return [p for p in PHOTOS.values() if tag is None or tag in p.tags]


@app.post("/photos", response_model=Photo, status_code=201)
def upload(p: PhotoIn, _: str = Security(granted, scopes=["photos:write"])) -> Photo:
    new = Photo(id=max(PHOTOS) + 1, **p.model_dump())
    PHOTOS[new.id] = new
    return new
