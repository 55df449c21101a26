# Web shop split into APIRouters: prefixes, router-level tags, dependencies and shared responses.
# Auth: the /admin router requires header "X-Admin-Key: test-key" (401 otherwise); the rest is public.
from decimal import Decimal

from fastapi import APIRouter, Depends, FastAPI, HTTPException
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, Field

app = FastAPI(title="Store Routers", version="1.0.0")
admin_key = APIKeyHeader(name="X-Admin-Key")


def is_admin(k: str = Depends(admin_key)) -> None:
    if k != "test-key":
        raise HTTPException(401, "admin only")


class Problem(BaseModel):
    detail: str


class Product(BaseModel):
    id: int
    name: str
    price: Decimal = Field(ge=0)
    stock: int = Field(ge=0)


class CartLine(BaseModel):
    product_id: int
    qty: int = Field(ge=1, le=99)


class CartTotal(BaseModel):
    lines: list[CartLine]
    total: Decimal


CATALOG = {1: Product(id=1, name="Mug", price=Decimal("9.50"), stock=40),
           2: Product(id=2, name="Poster", price=Decimal("14.00"), stock=0)}

catalog = APIRouter(prefix="/catalog", tags=["catalog"], responses={404: {"model": Problem}})
cart = APIRouter(prefix="/cart", tags=["cart"])
admin = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(is_admin)])


@catalog.get("/products", response_model=list[Product])
def products(in_stock: bool = False) -> list[Product]:
    return [p for p in CATALOG.values() if p.stock > 0 or not in_stock]


@catalog.get("/products/{product_id}", response_model=Product)
def product(product_id: int) -> Product:
    if product_id not in CATALOG:
        raise HTTPException(404, "unknown product")
    return CATALOG[product_id]


@cart.post("/total", response_model=CartTotal)
def total(lines: list[CartLine]) -> CartTotal:
    t = sum((CATALOG[l.product_id].price * l.qty for l in lines if l.product_id in CATALOG), Decimal("0"))
    return CartTotal(lines=lines, total=t)


@admin.put("/products/{product_id}", response_model=Product)
def upsert(product_id: int, p: Product) -> Product:
    CATALOG[product_id] = p.model_copy(update={"id": product_id})
    return CATALOG[product_id]


@admin.post("/products/{product_id}/restock", response_model=Product, responses={404: {"model": Problem}})
def restock(product_id: int, amount: int = 10) -> Product:
    if product_id not in CATALOG:
        raise HTTPException(404, "unknown product")
    p = CATALOG[product_id]
    CATALOG[product_id] = p.model_copy(update={"stock": max(0, p.stock + amount)})
    return CATALOG[product_id]


app.include_router(catalog)
app.include_router(cart)
app.include_router(admin)
