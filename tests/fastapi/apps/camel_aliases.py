# A camelCase JSON API backed by snake_case models: Field(alias=...), populate_by_name, alias generators.
# Auth: none.
from datetime import datetime, timezone

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

app = FastAPI(title="Camel Aliases", version="1.0.0")


class CamelModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class ShippingAddress(CamelModel):
    street_line: str
    postal_code: str = Field(pattern=r"^\d{4,6}$")
    country_code: str = Field(alias="ISOCountry", min_length=2, max_length=2)


class Customer(CamelModel):
    customer_id: int
    first_name: str
    last_name: str
    is_vip: bool = False
    created_at: datetime
    shipping_address: ShippingAddress | None = None


class CustomerCreate(BaseModel):
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    is_vip: bool = Field(default=False, alias="isVIP")
    shipping_address: ShippingAddress | None = Field(default=None, alias="shippingAddress")


T = datetime(2023, 11, 11, 11, 11, tzinfo=timezone.utc)
CUSTOMERS = {
    1: Customer(customer_id=1, first_name="Ana", last_name="Silva", created_at=T,
                shipping_address=ShippingAddress(street_line="Rua 1", postal_code="1000", country_code="PT")),
}


@app.get("/customers/{customer_id}", response_model=Customer)
def get_customer(customer_id: int) -> Customer:
    if customer_id not in CUSTOMERS:
        raise HTTPException(404, "unknown customer")
    return CUSTOMERS[customer_id]


@app.post("/customers", response_model=Customer, status_code=201)
def create_customer(body: CustomerCreate) -> Customer:
    cid = max(CUSTOMERS) + 1
    CUSTOMERS[cid] = Customer(customer_id=cid, first_name=body.first_name, last_name=body.last_name,
                              is_vip=body.is_vip, created_at=T, shipping_address=body.shipping_address)
    return CUSTOMERS[cid]


@app.get("/customers", response_model=list[Customer])
def list_customers(vip_only: bool = False) -> list[Customer]:
    return [c for c in CUSTOMERS.values() if c.is_vip or not vip_only]
