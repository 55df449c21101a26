# Warehouse inventory: Decimal prices, numeric constraints, filtering query params.
# Auth: none.
from decimal import Decimal

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Inventory", version="0.4.1")


class Item(BaseModel):
    sku: str = Field(pattern=r"^[A-Z]{3}-\d{4}$", examples=["BOL-0001"])
    name: str = Field(min_length=2, max_length=60)
    price: Decimal = Field(gt=0, max_digits=10, decimal_places=2)
    quantity: int = Field(ge=0, le=100_000)
    weight_kg: float = Field(gt=0.0, lt=1000.0)
    in_stock: bool


class StockAdjustment(BaseModel):
    delta: int = Field(ge=-1000, le=1000, description="Units to add (negative removes)")
    reason: str | None = Field(default=None, max_length=120)


STOCK: dict[str, Item] = {
    "BOL-0001": Item(sku="BOL-0001", name="Bolt M6", price=Decimal("0.15"), quantity=5400,
                     weight_kg=0.01, in_stock=True),
    "NUT-0002": Item(sku="NUT-0002", name="Nut M6", price=Decimal("0.05"), quantity=0,
                     weight_kg=0.005, in_stock=False),
    "DRL-0100": Item(sku="DRL-0100", name="Cordless drill", price=Decimal("89.90"), quantity=12,
                     weight_kg=1.6, in_stock=True),
}


@app.get("/items", response_model=list[Item])
def search_items(
    min_price: float | None = Query(default=None, ge=0),
    max_price: float | None = Query(default=None, ge=0),
    in_stock: bool | None = None,
    limit: int = Query(default=50, ge=1, le=200),
) -> list[Item]:
    out = []
    for item in sorted(STOCK.values(), key=lambda i: i.sku):
        if min_price is not None and item.price < Decimal(str(min_price)):
            continue
        if max_price is not None and item.price > Decimal(str(max_price)):
            continue
        if in_stock is not None and item.in_stock != in_stock:
            continue
        out.append(item)
    return out[:limit]


@app.get("/items/{sku}", response_model=Item)
def get_item(sku: str) -> Item:
    if sku not in STOCK:
        raise HTTPException(404, "unknown sku")
    return STOCK[sku]


@app.post("/items/{sku}/adjust", response_model=Item)
def adjust_stock(sku: str, adj: StockAdjustment) -> Item:
    if sku not in STOCK:
        raise HTTPException(404, "unknown sku")
    item = STOCK[sku]
    qty = max(0, item.quantity + adj.delta)
    STOCK[sku] = item.model_copy(update={"quantity": qty, "in_stock": qty > 0})
    return STOCK[sku]
