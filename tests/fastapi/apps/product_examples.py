# Product catalogue annotated for documentation: Field(examples=...), json_schema_extra,
# Body/Query/Path examples, descriptions and titles.
# Auth: none.
from typing import Annotated

from fastapi import Body, FastAPI, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Product Examples", version="1.0.0", summary="Catalogue with rich examples")


class Dimensions(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"width_cm": 30, "height_cm": 20, "depth_cm": 5}]})
    width_cm: float = Field(gt=0)
    height_cm: float = Field(gt=0)
    depth_cm: float = Field(gt=0)


class Product(BaseModel):
    model_config = ConfigDict(json_schema_extra={"x-entity": "product"})
    id: int = Field(title="Product id", examples=[42])
    name: str = Field(examples=["Walnut shelf", "Oak stool"], description="Display name")
    colour: str = Field(default="natural", examples=["natural", "black"])
    dimensions: Dimensions
    keywords: list[str] = Field(default=[], examples=[["wood", "furniture"]])


PRODUCTS = {42: Product(id=42, name="Walnut shelf", dimensions=Dimensions(width_cm=80, height_cm=20, depth_cm=25),
                        keywords=["wood"])}


@app.get("/products/{product_id}", response_model=Product)
def get_product(product_id: Annotated[int, Path(examples=[42], description="Catalogue number")]) -> Product:
    if product_id not in PRODUCTS:
        raise HTTPException(404, "unknown product")
    return PRODUCTS[product_id]


@app.put("/products/{product_id}", response_model=Product)
def put_product(
    product_id: int,
    product: Annotated[Product, Body(openapi_examples={
        "shelf": {"summary": "A shelf", "value": {"id": 42, "name": "Walnut shelf",
                  "dimensions": {"width_cm": 80, "height_cm": 20, "depth_cm": 25}}},
        "stool": {"summary": "A stool", "description": "Minimal product",
                  "value": {"id": 43, "name": "Oak stool",
                            "dimensions": {"width_cm": 35, "height_cm": 45, "depth_cm": 35}}},
    })],
) -> Product:
    PRODUCTS[product_id] = product.model_copy(update={"id": product_id})
    return PRODUCTS[product_id]


@app.get("/products", response_model=list[Product])
def search_products(q: Annotated[str | None, Query(examples=["shelf"], title="Search text")] = None) -> list[Product]:
    return [p for p in PRODUCTS.values() if q is None or q.lower() in p.name.lower()]
