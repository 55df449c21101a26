# User preferences carried in cookies: Cookie() params of several types; responses set cookies.
# Auth: none (session cookie "session" is informational only).
from typing import Literal

from fastapi import Cookie, FastAPI, Response
from pydantic import BaseModel, Field

app = FastAPI(title="Cookie Preferences", version="0.5.0")


class Prefs(BaseModel):
    theme: Literal["light", "dark"]
    language: str
    font_scale: float
    tracking_opt_out: bool
    session: str | None


class PrefsUpdate(BaseModel):
    theme: Literal["light", "dark"] = "light"
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")


@app.get("/prefs", response_model=Prefs)
def read_prefs(
    theme: Literal["light", "dark"] = Cookie("light"),
    language: str = Cookie("en", pattern=r"^[a-z]{2}$"),
    font_scale: float = Cookie(1.0, ge=0.5, le=3.0),
    tracking_opt_out: bool = Cookie(False),
    session: str | None = Cookie(None),
) -> Prefs:
    return Prefs(theme=theme, language=language, font_scale=font_scale,
                 tracking_opt_out=tracking_opt_out, session=session)


@app.post("/prefs", response_model=PrefsUpdate)
def save_prefs(update: PrefsUpdate, response: Response) -> PrefsUpdate:
    response.set_cookie("theme", update.theme)
    response.set_cookie("language", update.language)
    return update


@app.get("/visits", response_model=dict[str, int])
def count_visits(response: Response, visits: int = Cookie(0, ge=0)) -> dict[str, int]:
    response.set_cookie("visits", str(visits + 1))
    return {"visits": visits + 1}
