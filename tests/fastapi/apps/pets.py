# Pet shelter: a discriminated union (kind = cat | dog | bird) in request and response bodies.
# Auth: none.
from typing import Annotated, Literal, Union

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Pet Shelter", version="1.0.0")


class Cat(BaseModel):
    kind: Literal["cat"]
    name: str
    indoor: bool = True
    lives_left: int = Field(default=9, ge=0, le=9)


class Dog(BaseModel):
    kind: Literal["dog"]
    name: str
    breed: str | None = None
    good_boy: bool = True


class Bird(BaseModel):
    kind: Literal["bird"]
    name: str
    wingspan_cm: float = Field(gt=0)
    can_talk: bool = False


Pet = Annotated[Union[Cat, Dog, Bird], Field(discriminator="kind")]


class Adoption(BaseModel):
    id: int
    pet: Pet
    adopter: str


PETS: list[Pet] = [
    Cat(kind="cat", name="Miso", lives_left=7),
    Dog(kind="dog", name="Rex", breed="collie"),
    Bird(kind="bird", name="Kiwi", wingspan_cm=21.5, can_talk=True),
]


@app.get("/pets", response_model=list[Pet])
def list_pets(kind: Literal["cat", "dog", "bird"] | None = None) -> list[Pet]:
    return [p for p in PETS if kind is None or p.kind == kind]


@app.get("/pets/{index}", response_model=Pet)
def get_pet(index: int) -> Pet:
    if not 0 <= index < len(PETS):
        raise HTTPException(404, "no such pet")
    return PETS[index]


@app.post("/pets", response_model=Pet, status_code=201)
def admit_pet(pet: Pet) -> Pet:
    PETS.append(pet)
    return pet


@app.post("/adoptions", response_model=Adoption, status_code=201)
def adopt(pet: Pet, adopter: str) -> Adoption:
    return Adoption(id=len(PETS), pet=pet, adopter=adopter)
