# Recipe book: nested ingredient lists with Literal units, bounded servings, scaling by query.
# Auth: none.
from typing import Literal

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Recipes", version="1.0.0")

Unit = Literal["g", "kg", "ml", "l", "tsp", "tbsp", "piece"]


class Ingredient(BaseModel):
    name: str
    amount: float = Field(gt=0)
    unit: Unit
    optional: bool = False


class Step(BaseModel):
    order: int = Field(ge=1)
    text: str = Field(max_length=500)
    minutes: int | None = Field(default=None, ge=0)


class Recipe(BaseModel):
    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    servings: int = Field(ge=1, le=50)
    difficulty: Literal[1, 2, 3] = 1
    ingredients: list[Ingredient]
    steps: list[Step]
    vegetarian: bool


RECIPES = {
    "pancakes": Recipe(slug="pancakes", title="Pancakes", servings=4, vegetarian=True, ingredients=[
        Ingredient(name="flour", amount=200, unit="g"),
        Ingredient(name="milk", amount=300, unit="ml"),
        Ingredient(name="egg", amount=2, unit="piece"),
        Ingredient(name="sugar", amount=1, unit="tbsp", optional=True),
    ], steps=[Step(order=1, text="Whisk everything."), Step(order=2, text="Fry thin.", minutes=15)]),
}


@app.get("/recipes/{slug}", response_model=Recipe)
def get_recipe(slug: str, servings: int | None = Query(default=None, ge=1, le=50)) -> Recipe:
    if slug not in RECIPES:
        raise HTTPException(404, "no such recipe")
    r = RECIPES[slug]
    if servings is None:
        return r
    f = servings / r.servings
    scaled = [i.model_copy(update={"amount": round(i.amount * f, 3)}) for i in r.ingredients]
    return r.model_copy(update={"servings": servings, "ingredients": scaled})


@app.post("/recipes", response_model=Recipe, status_code=201)
def add_recipe(recipe: Recipe) -> Recipe:
    if recipe.slug in RECIPES:
        raise HTTPException(409, "slug exists")
    RECIPES[recipe.slug] = recipe
    return recipe


@app.get("/recipes", response_model=list[str])
def list_recipes(vegetarian: bool | None = None, max_difficulty: Literal[1, 2, 3] = 3) -> list[str]:
    return sorted(s for s, r in RECIPES.items()
                  if (vegetarian is None or r.vegetarian == vegetarian) and r.difficulty <= max_difficulty)


@app.post("/shopping-list", response_model=dict[str, float])
def shopping_list(slugs: list[str], include_optional: bool = False) -> dict[str, float]:
    totals: dict[str, float] = {}
    for slug in slugs:
        for i in RECIPES[slug].ingredients if slug in RECIPES else []:
            if i.optional and not include_optional:
                continue
            key = f"{i.name} ({i.unit})"
            totals[key] = totals.get(key, 0) + i.amount
    return dict(sorted(totals.items()))
