# Team directory keyed by name: dict[str, Model] responses and request bodies, nested dicts.
# Auth: none.
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Team Directory", version="1.0.0")


class Member(BaseModel):
    name: str
    role: str
    skills: dict[str, int] = Field(default={}, description="skill -> level 1..5")


class Team(BaseModel):
    lead: str
    members: dict[str, Member]


TEAMS: dict[str, Team] = {
    "platform": Team(lead="ivy", members={
        "ivy": Member(name="Ivy", role="lead", skills={"rust": 5, "terraform": 4}),
        "joe": Member(name="Joe", role="sre", skills={"linux": 5}),
    }),
    "mobile": Team(lead="kim", members={"kim": Member(name="Kim", role="lead", skills={"swift": 4})}),
}


@app.get("/teams", response_model=dict[str, Team])
def all_teams() -> dict[str, Team]:
    return TEAMS


@app.get("/teams/{team}/members", response_model=dict[str, Member])
def team_members(team: str) -> dict[str, Member]:
    if team not in TEAMS:
        raise HTTPException(404, "unknown team")
    return TEAMS[team].members


@app.put("/teams/{team}", response_model=Team)
def put_team(team: str, body: Team) -> Team:
    if body.lead not in body.members:
        raise HTTPException(400, "lead must be a member")
    TEAMS[team] = body
    return body


@app.post("/skills/merge", response_model=dict[str, int])
def merge_skills(sheets: list[dict[str, int]]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for sheet in sheets:
        for skill, level in sheet.items():
            merged[skill] = max(merged.get(skill, 0), level)
    return dict(sorted(merged.items()))


@app.get("/headcount", response_model=dict[str, int])
def headcount() -> dict[str, int]:
    return {name: len(t.members) for name, t in sorted(TEAMS.items())}
