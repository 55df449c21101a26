# Parts catalogue addressed by path params of several types: int, str, UUID, str Enum, int Enum, float.
# Auth: none.
from enum import Enum, IntEnum
from uuid import UUID

from fastapi import FastAPI, HTTPException, Path
from pydantic import BaseModel

app = FastAPI(title="Path Params", version="1.0.0")


class Region(str, Enum):
    eu = "eu"
    us = "us"
    apac = "ap-ac"


class Tier(IntEnum):
    free = 1
    pro = 2
    enterprise = 3


class Part(BaseModel):
    id: int
    code: str
    region: Region


class Quote(BaseModel):
    region: Region
    tier: Tier
    monthly: float


PART_IDS = {UUID("6f1b2c1e-3a7d-4c55-9a0e-1d2c3b4a5f60"): "gear", UUID("0e9d8c7b-6a59-4e3d-8c1b-0a9f8e7d6c5b"): "spring"}


@app.get("/parts/{part_id}", response_model=Part)
def part_by_int(part_id: int = Path(ge=1, le=9999)) -> Part:
    return Part(id=part_id, code=f"P{part_id:04d}", region=Region.eu)


@app.get("/parts/by-code/{code}", response_model=Part)
def part_by_code(code: str = Path(pattern=r"^P\d{4}$")) -> Part:
    return Part(id=int(code[1:]), code=code, region=Region.us)


@app.get("/parts/by-uuid/{uid}", response_model=dict[str, str])
def part_by_uuid(uid: UUID) -> dict[str, str]:
    if uid not in PART_IDS:
        raise HTTPException(404, "unknown part")
    return {"uuid": str(uid), "name": PART_IDS[uid]}


@app.get("/regions/{region}/tiers/{tier}", response_model=Quote)
def quote(region: Region, tier: Tier) -> Quote:
    base = {Region.eu: 10.0, Region.us: 12.0, Region.apac: 11.0}[region]
    return Quote(region=region, tier=tier, monthly=base * int(tier))


@app.get("/scale/{factor}/{label}", response_model=dict[str, float | str])
def scale(factor: float = Path(gt=0, lt=100), label: str = Path(min_length=1, max_length=16)) -> dict[str, float | str]:
    return {"label": label, "factor": factor, "double": factor * 2}
