"""The scrubber of shared questions: names in any case, first words and places go; the question stays.

Each row: a question as people write it, and the private words that must not survive. The questions are
made up, in the shape of real ones (names, employers, ranches, towns, phone numbers, e-mails, CURP).
"""

from __future__ import annotations

import pytest

from bot.privacy import scrub

TABLE: list[tuple[str, list[str]]] = [
    ("Soy Rosalba y mi patrona no me paga", ["Rosalba"]),
    ("rosalba aqui, mi patrona no me paga", ["rosalba"]),
    ("ROSALBA MI PATRONA NO ME PAGA", ["ROSALBA"]),
    ("Herminia Cruz, trabajo en casa de la señora Téllez", ["Herminia", "Cruz", "Téllez"]),
    ("me llamo herminia cruz y trabajo de planta", ["herminia", "cruz"]),
    ("la sra Lupita me corrio sin pagarme", ["Lupita"]),
    ("la señora lupita me corrio sin pagarme", ["lupita"]),
    ("Mi patrón Don Beto del rancho El Mezquite no nos paga", ["Beto", "Mezquite"]),
    ("trabajo en el rancho los pinos de don chuy en san quintin", ["chuy", "quintin", "pinos"]),
    ("JUAN PEREZ ME DEBE 3 SEMANAS", ["JUAN", "PEREZ"]),
    ("juan perez me debe tres semanas", ["juan", "perez"]),
    ("Guadalupe Hernández 5512345678 me despidieron", ["Guadalupe", "Hernández", "5512345678"]),
    ("mi correo es lupe.hdz@gmail.com ayudenme", ["lupe", "hdz", "gmail"]),
    ("mi curp es GOMR800101MDFRRS09 para el imss", ["GOMR800101MDFRRS09"]),
    ("vivo en Iztapalapa y trabajo en Coyoacán", ["Iztapalapa", "Coyoacán"]),
    ("vivo en iztapalapa y trabajo en coyoacan", ["iztapalapa", "coyoacan"]),
    ("soy de Oaxaca y trabajo en Culiacán en la pizca", ["Oaxaca", "Culiacán"]),
    ("somos de guerrero, nos trajo un enganchador a sinaloa", ["guerrero", "sinaloa"]),
    ("Trabajo con la familia Garza Sada en Monterrey", ["Garza", "Sada", "Monterrey"]),
    ("trabajo con la familia garza en monterrey", ["garza", "monterrey"]),
    ("Mi patrona Karla Ibarra no me quiere inscribir al seguro", ["Karla", "Ibarra"]),
    ("mi patrona karla ibarra no me quiere inscribir", ["karla", "ibarra"]),
    ("Doña Chela me tiene sin descanso", ["Chela"]),
    ("doña chela me tiene sin descanso", ["chela"]),
    ("Hola soy Yesenia de Tijuana", ["Yesenia", "Tijuana"]),
    ("hola soy yesenia de tijuana", ["yesenia", "tijuana"]),
    ("Marisol: mi jefe el lic. Ortega no me da vacaciones", ["Marisol", "Ortega"]),
    ("el ingeniero Salvador Ruiz del empaque nos grita", ["Salvador", "Ruiz"]),
    ("el ingeniero salvador ruiz del empaque nos grita", ["salvador", "ruiz"]),
    ("Trabajo en Agrícola Los Ángeles en Villa Juárez", ["Ángeles", "Juárez"]),
    ("la empresa agricola bonanza no nos paga el septimo dia", ["bonanza"]),
    ("Mi hija Jazmín de 14 años trabaja en el campo", ["Jazmín", "14"]),
    ("mi hija jazmin de catorce años trabaja en el campo", ["jazmin"]),
    ("Mi nombre es Petra López, tel 951 123 4567", ["Petra", "López", "951"]),
    ("petra lopez tel 9511234567", ["petra", "lopez", "9511234567"]),
    ("Ana Karen de Ecatepec, me corrieron embarazada", ["Karen", "Ecatepec"]),
    ("ana karen de ecatepec me corrieron embarazada", ["karen", "ecatepec"]),
    ("Esperanza trabaja con nosotros desde 2019, cómo la inscribo", ["Esperanza", "2019"]),
    ("tengo una empleada, se llama Dolores, cuanto le pago", ["Dolores"]),
    ("tengo una empleada que se llama dolores, cuanto le pago", ["dolores"]),
    ("Mi muchacha Reyna se accidentó en mi casa", ["Reyna"]),
    ("mi muchacha reyna se accidento en mi casa", ["reyna"]),
    ("el capataz Efraín nos trae a puro grito", ["Efraín"]),
    ("el capataz efrain nos trae a puro grito", ["efrain"]),
    ("Soy Rigoberta, trabajo en Mérida con una familia", ["Rigoberta", "Mérida"]),
    ("soy rigoberta trabajo en merida con una familia", ["rigoberta", "merida"]),
    ("Me escribió mi patrona Fernanda por WhatsApp que ya no vaya", ["Fernanda"]),
    ("me escribio mi patrona fernanda que ya no vaya", ["fernanda"]),
    ("La señora Martínez me debe el aguinaldo del 2025", ["Martínez", "2025"]),
    ("la señora martinez me debe el aguinaldo", ["martinez"]),
    ("Trabajo en Cancún cuidando a los niños de los Smith", ["Cancún", "Smith"]),
    ("trabajo en cancun cuidando a los niños de los smith", ["cancun", "smith"]),
    ("Soy Xóchitl, nahua de la Huasteca, trabajo en Pachuca", ["Xóchitl", "Huasteca", "Pachuca"]),
    ("soy xochitl de la huasteca, trabajo en pachuca", ["xochitl", "huasteca", "pachuca"]),
    ("Mi patrón Ramiro Zúñiga me quitó mi INE", ["Ramiro", "Zúñiga"]),
    ("mi patron ramiro zuñiga me quito mi ine", ["ramiro", "zuñiga"]),
    ("Nos trajeron de Tlapa a Chihuahua a la manzana", ["Tlapa", "Chihuahua"]),
    ("nos trajeron de tlapa a chihuahua a la manzana", ["tlapa", "chihuahua"]),
    ("Mi cuñada Elvira trabaja en Polanco de planta", ["Elvira", "Polanco"]),
    ("mi cuñada elvira trabaja en polanco de planta", ["elvira", "polanco"]),
    ("Soy Norma, la señora Carmen me paga 300 al día", ["Norma", "Carmen", "300"]),
    ("soy norma la señora carmen me paga trescientos", ["norma", "carmen"]),
    ("Trabajo para el doctor Villaseñor en Zapopan", ["Villaseñor", "Zapopan"]),
    ("trabajo para el doctor villaseñor en zapopan", ["villaseñor", "zapopan"]),
    ("En el rancho de los Beltrán nos fumigan encima", ["Beltrán"]),
    ("en el rancho de los beltran nos fumigan encima", ["beltran"]),
    ("Hola, habla Ofelia, de la colonia Doctores", ["Ofelia", "Doctores"]),
    ("Maricela Toscano, 33 años, me despidieron ayer", ["Maricela", "Toscano", "33"]),
    ("maricela toscano treinta y tres años me despidieron", ["maricela", "toscano"]),
    ("Mi esposo Abundio trabaja en el corte de caña en Veracruz", ["Abundio", "Veracruz"]),
    ("mi esposo abundio trabaja en el corte de caña en veracruz", ["abundio", "veracruz"]),
    ("La patrona Begoña es española y no me da contrato", ["Begoña"]),
    ("la patrona begoña no me da contrato", ["begoña"]),
    ("Trabajo en la casa de los Hank en Lomas", ["Hank", "Lomas"]),
    ("CRISTINA SANTIAGO DE JUCHITAN ME QUITARON EL SEGURO", ["CRISTINA", "SANTIAGO", "JUCHITAN"]),
    ("cristina santiago de juchitan me quitaron el seguro", ["cristina", "santiago", "juchitan"]),
    ("Mi hermana Tomasa se intoxicó en el invernadero de Yurécuaro", ["Tomasa", "Yurécuaro"]),
    ("mi hermana tomasa se intoxico en el invernadero de yurecuaro", ["tomasa", "yurecuaro"]),
    ("Sra. Leticia Campos, cómo doy de alta a mi empleada", ["Leticia", "Campos"]),
    ("leticia campos, como doy de alta a mi empleada", ["leticia", "campos"]),
    ("El contratista Nacho Olvera nos prometió casa y no hay", ["Nacho", "Olvera"]),
    ("el contratista nacho olvera nos prometio casa", ["nacho", "olvera"]),
    ("Trabajo en casa de la diputada Sánchez en Toluca", ["Sánchez", "Toluca"]),
    ("Mi amiga Brenda trabaja en Hermosillo en la uva", ["Brenda", "Hermosillo"]),
    ("mi amiga brenda trabaja en hermosillo en la uva", ["brenda", "hermosillo"]),
    ("Habla Anselmo, jornalero en Tanhuato", ["Anselmo", "Tanhuato"]),
    ("habla anselmo jornalero en tanhuato", ["anselmo", "tanhuato"]),
    ("Soy Maribel y cuido a Don Aurelio que tiene alzheimer", ["Maribel", "Aurelio"]),
    ("soy maribel y cuido a don aurelio que tiene alzheimer", ["maribel", "aurelio"]),
    ("Mi patrona Regina vive en Santa Fe, trabajo entrada por salida", ["Regina", "Santa Fe"]),
    ("Trabajé 10 años con la familia Larrea y me corrieron", ["Larrea", "10"]),
    ("trabaje diez años con la familia larrea y me corrieron", ["larrea"]),
    ("Nos pagan en la agrícola El Porvenir a 8 pesos la cubeta", ["Porvenir", "8"]),
    ("Me llamo Tránsito y me deben dos quincenas", ["Tránsito"]),
    ("Mi jefa, la licenciada Paulina Rubio, me grita", ["Paulina", "Rubio"]),
    ("mi jefa la licenciada paulina rubio me grita", ["paulina", "rubio"]),
    ("Sixta aquí, en San Cristóbal, me corrieron de la casa", ["Sixta", "Cristóbal"]),
    ("sixta aqui en san cristobal me corrieron de la casa", ["sixta", "cristobal"]),
    ("Mi sobrina Itzel de 13 cuida niños en Tepic", ["Itzel", "13", "Tepic"]),
    ("mi sobrina itzel de trece cuida niños en tepic", ["itzel", "tepic"]),
    ("Trabajo en el rancho Santa Rosa de don Efrén en Zacatecas", ["Efrén", "Zacatecas", "Rosa"]),
    ("trabajo en el rancho santa rosa de don efren en zacatecas", ["efren", "zacatecas", "rosa"]),
]


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 100


@pytest.mark.parametrize(("question", "private"), TABLE, ids=[q[:40] for q, _ in TABLE])
def test_private_words_never_survive(question: str, private: list[str]) -> None:
    kept = scrub(question).lower()
    for word in private:
        for part in word.lower().split():
            assert part not in kept.split(), (word, kept)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("mi patrona no me paga el aguinaldo", ["patrona", "paga", "aguinaldo"]),
        ("donde compro semillas de maiz baratas", ["semillas", "maiz"]),
        ("me corrieron de la casa sin pagarme", ["corrieron", "casa", "pagarme"]),
        ("nos fumigan encima en el invernadero", ["fumigan", "invernadero"]),
    ],
)
def test_the_question_itself_survives(question: str, words: list[str]) -> None:
    kept = scrub(question).split()
    for word in words:
        assert word in kept, (word, kept)
