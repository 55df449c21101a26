# User profiles exercising nullability: required-nullable fields, optional fields defaulting to None,
# nullable query params, and PATCH with explicit nulls.
# Auth: none.
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Nullable Profiles", version="1.0.0")


class Profile(BaseModel):
    username: str
    display_name: str | None = Field(description="Required, but may be null")
    bio: str | None = None
    age: int | None = Field(default=None, ge=0, le=150)
    website: str | None = None
    nicknames: list[str] | None = None
    scores: list[int | None] = []


class ProfilePatch(BaseModel):
    display_name: str | None = None
    bio: str | None = None
    age: int | None = None


PROFILES = {
    "ada": Profile(username="ada", display_name="Ada L.", bio="Counts things", age=36, scores=[3, None, 5]),
    "bo": Profile(username="bo", display_name=None, nicknames=["b", "bobo"]),
}


@app.get("/profiles", response_model=list[Profile])
def list_profiles(has_display_name: bool | None = None, min_age: int | None = None,
                  name_contains: str | None = None) -> list[Profile]:
    out = list(PROFILES.values())
    if has_display_name is not None:
        out = [p for p in out if (p.display_name is not None) == has_display_name]
    if min_age is not None:
        out = [p for p in out if p.age is not None and p.age >= min_age]
    if name_contains is not None:
        out = [p for p in out if name_contains in p.username]
    return out


@app.put("/profiles/{username}", response_model=Profile)
def put_profile(username: str, profile: Profile) -> Profile:
    PROFILES[username] = profile.model_copy(update={"username": username})
    return PROFILES[username]


@app.patch("/profiles/{username}", response_model=Profile)
def patch_profile(username: str, patch: ProfilePatch) -> Profile:
    if username not in PROFILES:
        raise HTTPException(404, "no such profile")
    PROFILES[username] = PROFILES[username].model_copy(update=patch.model_dump(exclude_unset=True))
    return PROFILES[username]


@app.get("/profiles/{username}/display", response_model=str | None)
def display_name(username: str) -> str | None:
    if username not in PROFILES:
        raise HTTPException(404, "no such profile")
    return PROFILES[username].display_name
